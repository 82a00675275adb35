package org.promiseledger.integrity;

/** The four integrity signals of docs/ ("Score integrity"), in the order they are listed and exported. */
public enum Signal {
    TOP_BOX_SURGE,
    SELECTIVE_SURVEYING,
    REPEAT_RESPONDENTS,
    END_OF_QUARTER_BUNCHING
}
