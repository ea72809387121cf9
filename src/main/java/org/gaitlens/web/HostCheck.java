package org.gaitlens.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} headers the app answers: its own names and addresses only. A page of another site can make
 * a browser send requests to the clinic machine under that site's name once its DNS answer points here (DNS
 * rebinding); the browser then treats the answers as that site's own. Refusing foreign host names closes that
 * door. Accepted: {@code localhost} and the loopback addresses, the address the server listens on, every address
 * and the name of this machine when it listens on all of them, and the names given with {@code --host-name} (the
 * name a TLS proxy serves the app under). The port is not compared (a proxy may use another). A request without a
 * {@code Host} header (HTTP/1.0; browsers always send one) is let through.
 */
final class HostCheck {
    private final Set<String> allowed;

    HostCheck(String bindHost, List<String> hostNames) {
        Set<String> a = new HashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        for (String h : hostNames) {
            a.add(h.toLowerCase(Locale.ROOT));
        }
        String bind = strip(bindHost);
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty()) {
            a.addAll(machineNames());
        } else {
            a.add(bind);
        }
        this.allowed = Set.copyOf(a);
    }

    /** Whether a request with this {@code Host} header value may be answered. */
    boolean allows(String hostHeader) {
        return hostHeader == null || allowed.contains(strip(hostHeader));
    }

    /** The host part of a {@code Host} value, lower case: without the port and the IPv6 brackets. */
    static String strip(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        // One colon: name or IPv4 with a port. Several: a bare IPv6 address.
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    private static Set<String> machineNames() {
        Set<String> out = new HashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            out.add(local.getHostName().toLowerCase(Locale.ROOT));
            out.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // no name: the addresses below still count
        }
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress addr : Collections.list(ni.getInetAddresses())) {
                    out.add(strip(addr.getHostAddress().replaceAll("%.*$", "")));
                }
            }
        } catch (SocketException e) {
            // no interfaces listed: only the names above and the configured ones count
        }
        return out;
    }
}
