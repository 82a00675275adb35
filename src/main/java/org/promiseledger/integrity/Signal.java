package org.promiseledger.integrity;

/** The four integrity signals (README, "Score integrity"); exports list them by touchpoint, then code alphabetically. */
public enum Signal {
    TOP_BOX_SURGE,
    SELECTIVE_SURVEYING,
    REPEAT_RESPONDENTS,
    END_OF_QUARTER_BUNCHING
}
