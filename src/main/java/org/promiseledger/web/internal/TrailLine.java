package org.promiseledger.web.internal;

/** One decision from the rule trail, quoted as the rules wrote it: the rule's name and what it decided. */
record TrailLine(String subject, String ruleName, String decision) {
}
