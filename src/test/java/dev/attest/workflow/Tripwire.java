package dev.attest.workflow;

/**
 * A class that says when it is loaded or called. Tests name it only as text in hostile expressions, never in code,
 * so it is loaded only if the engine let an expression reach it.
 */
public final class Tripwire {

    static final String PROPERTY = "attest.tripwire";

    static {
        System.setProperty(PROPERTY, "loaded");
    }

    private Tripwire() {
    }

    public static String fire() {
        System.setProperty(PROPERTY, "fired");
        return "fired";
    }
}
