package org.accord.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total how many items match in all, among those the account may see
 * @param hits this page
 * @param countsByKind how many match per kind, among those the account may see
 */
public record SearchResults(long total, List<SearchHit> hits, Map<SearchKind, Long> countsByKind) {}
