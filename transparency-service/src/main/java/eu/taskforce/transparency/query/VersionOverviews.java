package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.InputWindow;
import eu.taskforce.transparency.query.RegisterDtos.Section;
import eu.taskforce.transparency.query.RegisterDtos.SectionCount;
import eu.taskforce.transparency.query.RegisterDtos.VersionOverview;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static eu.taskforce.transparency.query.Rows.uuid;

/**
 * The feedback on a version: public items per section, and once the dispositions are published every item per
 * disposition (confidential ones only as the counts their window published).
 */
@ApplicationScoped
public class VersionOverviews {

    private final ReadModel readModel;

    public VersionOverviews(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** The version as its document's events told it. */
    private record Version(UUID documentId, String documentTitle, int number, List<Section> sections) {
    }

    /** A window on the version, with its confidential items per disposition once published (JSON). */
    private record WindowCounts(InputWindow window, String confidentialDispositions) {
    }

    /** A window's confidential items per disposition, as dispositions-published counted them. */
    record DispositionCount(String disposition, int count) {
    }

    /** A feedback item on the version: its section and, once published, its disposition. */
    private record Item(String sectionKey, String sectionTitle, String disposition, boolean published) {
    }

    /** Empty when the register knows neither the version nor a window on it. */
    public Optional<VersionOverview> overview(UUID id) {
        Params version = Params.of().put("id", id);
        Optional<Version> known = readModel.query("""
                        select v.document_id, d.title, v.number, v.sections from guidance_version v
                        left join guidance_document d on d.generation = v.generation and d.id = v.document_id
                        where v.generation = :g and v.id = :id""", version,
                row -> new Version(uuid(row, "document_id"), row.getString("title"), row.getInt("number"),
                        GuidanceQueries.sections(row.getString("sections")))).stream().findFirst();
        List<WindowCounts> windows = readModel.query("select " + GuidanceLists.WINDOW_COLUMNS
                + ", w.confidential_dispositions from input_window w where w.generation = :g and w.version_id = :id "
                + "order by w.opens_at, w.id", version,
                row -> new WindowCounts(GuidanceLists.window(row), row.getString("confidential_dispositions")));
        if (known.isEmpty() && windows.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = readModel.query("""
                        select f.section_key, f.section_title, f.disposition, f.published from feedback f
                        join input_window w on w.generation = f.generation and w.id = f.window_id
                        where f.generation = :g and w.version_id = :id""", version,
                row -> new Item(row.getString("section_key"), row.getString("section_title"),
                        row.getString("disposition"), row.getBoolean("published")));
        return Optional.of(overview(id, known, windows, items));
    }

    private static VersionOverview overview(UUID id, Optional<Version> known, List<WindowCounts> windows,
                                            List<Item> items) {
        boolean anyPublished = windows.stream().anyMatch(w -> w.window().dispositionsPublishedAt() != null);
        Map<String, Integer> confidential = anyPublished ? confidential(windows) : null;
        Map<String, Integer> all = anyPublished ? new LinkedHashMap<>(confidential) : null;
        items.stream().filter(Item::published).forEach(i -> all.merge(i.disposition(), 1, Integer::sum));
        List<SectionCount> perSection = sections(known, items).stream().map(s -> {
            List<Item> on = items.stream().filter(i -> s.key().equals(i.sectionKey())).toList();
            Map<String, Integer> by = anyPublished ? dispositions() : null;
            on.stream().filter(Item::published).forEach(i -> by.merge(i.disposition(), 1, Integer::sum));
            return new SectionCount(s.key(), s.position(), s.title(), on.size(), by);
        }).toList();
        int publicItems = windows.stream().mapToInt(w -> w.window().publicItems()).sum();
        int confidentialItems = windows.stream().mapToInt(w -> w.window().confidentialItems()).sum();
        InputWindow first = windows.isEmpty() ? null : windows.get(0).window();
        return new VersionOverview(
                known.map(Version::documentId).orElseGet(() -> first.documentId()),
                known.map(Version::documentTitle).orElseGet(() -> first == null ? null : first.documentTitle()),
                id, known.<Integer>map(Version::number).orElseGet(() -> first.versionNumber()),
                windows.stream().map(w -> w.window().id()).toList(),
                !windows.isEmpty() && windows.stream().allMatch(w -> w.window().dispositionsPublishedAt() != null),
                publicItems + confidentialItems, publicItems, confidentialItems, perSection,
                (int) items.stream().filter(i -> i.sectionKey() == null).count(), all, confidential,
                RegisterDtos.WITHOUT_PREJUDICE);
    }

    /** The confidential items of every window per disposition, as published. */
    private static Map<String, Integer> confidential(List<WindowCounts> windows) {
        Map<String, Integer> confidential = dispositions();
        for (WindowCounts w : windows) {
            List<DispositionCount> counts = Rows.json(w.confidentialDispositions(),
                    new TypeReference<List<DispositionCount>>() { });
            if (counts != null) {
                counts.forEach(c -> confidential.merge(c.disposition(), c.count(), Integer::sum));
            }
        }
        return confidential;
    }

    /** The version's sections in order; a section known only from feedback (its version not seen yet) after them. */
    private static List<Section> sections(Optional<Version> known, List<Item> items) {
        List<Section> sections = new ArrayList<>(known.map(Version::sections).orElse(List.of()));
        items.stream().filter(i -> i.sectionKey() != null
                        && sections.stream().noneMatch(s -> s.key().equals(i.sectionKey())))
                .map(i -> new Section(i.sectionKey(), 0, i.sectionTitle())).distinct().forEach(sections::add);
        return sections;
    }

    /** Every disposition, zero included, in the contract's order. */
    private static Map<String, Integer> dispositions() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Disposition d : Disposition.values()) {
            counts.put(d.name(), 0);
        }
        return counts;
    }
}
