package eu.taskforce.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One item of a meeting's agenda; its position is its place in {@link Meeting#agenda}. */
@Embeddable
public class AgendaItem {

    @Column(nullable = false)
    public String title;

    public String description;

    /** Commitments or measures of the Code ({@code SAFETY_AND_SECURITY-3.2}), of the edition {@link #codeEdition}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "code_references", nullable = false)
    public List<String> codeReferences = new ArrayList<>();

    /** The edition of the Code the references name, by its date ({@code 2025-07-10}). */
    @Column(name = "code_edition", nullable = false)
    public String codeEdition;

    /** Guidance documents (ids in guidance-service). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "guidance_document_ids", nullable = false)
    public List<UUID> guidanceDocumentIds = new ArrayList<>();

    public static AgendaItem of(String title, String description, List<String> codeReferences, String codeEdition,
                                List<UUID> guidanceDocumentIds) {
        AgendaItem item = new AgendaItem();
        item.title = title;
        item.description = description;
        item.codeReferences = new ArrayList<>(codeReferences);
        item.codeEdition = codeEdition;
        item.guidanceDocumentIds = new ArrayList<>(guidanceDocumentIds);
        return item;
    }
}
