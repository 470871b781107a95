package eu.taskforce.guidance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A section of a version. Its key is stable: the same key names the same section in every version. */
@Embeddable
public class Section {

    @Column(name = "key", nullable = false)
    public String sectionKey;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String text;

    public Section() {
    }

    public Section(String sectionKey, String title, String text) {
        this.sectionKey = sectionKey;
        this.title = title;
        this.text = text;
    }
}
