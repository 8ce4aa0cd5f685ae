package cn.perf.domain.declaration;

import cn.perf.domain.template.FormLayout;

/**
 * The few columns that say which state of a declaration a page shows: enough to check the caller's scope and to
 * find an already rendered page of this very version (one indexed row read, no child rows).
 *
 * @param version the optimistic-lock version, bumped by every change of the form or of any of its rows
 * @param adjustsId the approved declaration this one is a 目标调整 of, or null
 * @param adjustmentOpen whether a 目标调整 of this declaration is under way
 * @param layout, year, frameworkCode fixed when the declaration is created: what a save needs besides the form
 */
public record DeclarationStamp(Long id, Long unitId, String unitRegion, long version, DeclarationStatus status,
                               Long adjustsId, boolean adjustmentOpen, FormLayout layout, int year,
                               String frameworkCode) {
}
