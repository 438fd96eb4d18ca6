package dev.eksip.plan;

/**
 * The sheet of {@code subnet-calc.xlsx} a scenario is computed on (subnet-calc-model.md §2): the WarmIP sheet
 * when {@code WARM_IP_TARGET} is set, else the WarmENI sheet.
 */
public enum SpreadsheetSheet {
    WARM_ENI("WarmENI"),
    WARM_IP("WarmIP");

    private final String title;

    SpreadsheetSheet(String title) {
        this.title = title;
    }

    /** The sheet's tab name in the workbook. */
    public String title() {
        return title;
    }
}
