package org.accord.coordination;

/** One reference a matter rests on. */
public record Basis(long id, BasisKind kind, String text) {}
