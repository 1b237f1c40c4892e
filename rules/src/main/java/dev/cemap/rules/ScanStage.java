package dev.cemap.rules;

/** The stages a scan goes through, in order, each over some of the tree's files. */
public enum ScanStage {
    /** Every file is read once for the names it mentions. */
    READING("reading"),
    /** Files naming a mapping API or a wrapper are parsed for their functions, round after round. */
    INDEXING("indexing"),
    /** Every file is analysed or, naming nothing that maps memory, passed over. */
    ANALYSING("analysing");

    private final String label;

    ScanStage(String label) {
        this.label = label;
    }

    /** How a progress display names the stage. */
    public String label() {
        return label;
    }
}
