package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Defect: the Host header was not checked (DNS rebinding could read the app from a foreign page). */
class HostCheckTest {
    @Test
    void ownNamesAndGivenNamesPassForeignNamesDoNot() {
        HostCheck check = new HostCheck("127.0.0.1", List.of("gait.clinic.example"));
        assertTrue(check.allows("localhost:7070"));
        assertTrue(check.allows("127.0.0.1:7070"));
        assertTrue(check.allows("[::1]:7070"));
        assertTrue(check.allows("GAIT.clinic.example"));
        assertFalse(check.allows("attacker.example:7070"));
        assertFalse(check.allows("127.0.0.1.attacker.example"));
        assertFalse(check.allows(""));
    }
}
