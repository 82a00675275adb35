package org.promiseledger.operate.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.RunRegistry;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Actuator's info: the rule-set version in use — the one the next run would take from the rules folder, and the one
 * the latest run was calculated with — so operations can tell at a glance whether the plan changed since.
 */
@Component
class RuleSetInfo implements InfoContributor {

    private final BatchSettings settings;
    private final RunRegistry registry;

    RuleSetInfo(BatchSettings settings, RunRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("folder", settings.rulesPath().toAbsolutePath().normalize().toString());
        try {
            rules.put("version", RuleSetFolder.shortVersion(new RuleSetFolder(settings.rulesPath()).version()));
        } catch (RuntimeException unreadable) {
            rules.put("version", null);
            rules.put("problem", unreadable.getMessage());
        }
        rules.put("latestRunVersion", registry.lastRuleSetVersion().map(RuleSetFolder::shortVersion).orElse(null));
        builder.withDetail("ruleSet", rules);
    }
}
