package dev.roadwarrior.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What {@link SoakTest} does to one connection, drawn from a seed so that a failing run can be
 * replayed ({@code -Droadwarrior.soak.seed=}): the profile's lifetimes (phase 2 20–40 s, phase 1
 * 60–120 s), the gateway's lifetimes for each start of charon (shorter than the client's half the
 * time), and every 25–60 s one fault (the gateway stopped for 5–20 s, the NAT mapping changed, or
 * 5–15 s of duplicated and reordered datagrams) with a new random loss of 0–10 %.
 *
 * @param seed the seed everything was drawn from
 * @param phase1Seconds the profile's phase 1 lifetime
 * @param phase2Seconds the profile's phase 2 lifetime
 * @param gateway the gateway's lifetimes for its first start
 * @param faults the faults, in time order
 */
record SoakSchedule(long seed, int phase1Seconds, int phase2Seconds, GatewayLifetimes gateway, List<Fault> faults) {

    /** The kinds of fault. */
    enum Kind { GATEWAY_STOPPED, NAT_CHANGED, DUPLICATES_AND_REORDERING }

    /**
     * The gateway's lifetimes: shorter than the client's (CHILD SA rekey/life, IKE SA reauth +
     * over time), or the defaults of {@link GatewayConfig}, much longer than the client's.
     */
    record GatewayLifetimes(boolean shorter, int childRekey, int childLife, int ikeReauth, int ikeOver) {

        GatewayConfig apply(GatewayConfig config) {
            return !shorter ? config : config.toBuilder().childRekeyTime(Duration.ofSeconds(childRekey))
                    .childLifeTime(Duration.ofSeconds(childLife)).ikeReauthTime(Duration.ofSeconds(ikeReauth))
                    .ikeOverTime(Duration.ofSeconds(ikeOver)).build();
        }

        @Override
        public String toString() {
            return !shorter ? "gateway lifetimes: its defaults (longer than the client's)"
                    : String.format(Locale.ROOT, "gateway lifetimes shorter: CHILD rekey %d s / life %d s, IKE reauth %d s + %d s",
                            childRekey, childLife, ikeReauth, ikeOver);
        }
    }

    /**
     * One fault.
     *
     * @param atSeconds when it starts, from the start of the transfer
     * @param kind what happens
     * @param seconds how long it lasts (0 for a NAT change)
     * @param lossPercent the random loss from then on
     * @param gatewayAfter for a gateway stop, the lifetimes charon comes back with
     */
    record Fault(int atSeconds, Kind kind, int seconds, double lossPercent, GatewayLifetimes gatewayAfter) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "t=%4d s  %-26s %2d s, then %.1f %% loss%s", atSeconds, kind, seconds,
                    lossPercent, kind == Kind.GATEWAY_STOPPED ? "; " + gatewayAfter : "");
        }
    }

    /** A schedule for {@code minutes} of soak. */
    static SoakSchedule draw(long seed, int minutes) {
        Random random = new Random(seed);
        int phase1 = 60 + random.nextInt(61);
        int phase2 = 20 + random.nextInt(21);
        GatewayLifetimes first = lifetimes(random, phase1, phase2);
        List<Fault> faults = new ArrayList<>();
        int end = minutes * 60 - 30;
        for (int t = 25 + random.nextInt(36); t < end; t += 25 + random.nextInt(36)) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            int seconds = switch (kind) {
                case GATEWAY_STOPPED -> 5 + random.nextInt(16);
                case NAT_CHANGED -> 0;
                case DUPLICATES_AND_REORDERING -> 5 + random.nextInt(11);
            };
            double loss = random.nextInt(101) / 10.0;
            faults.add(new Fault(t, kind, seconds, loss, lifetimes(random, phase1, phase2)));
            t += seconds;
        }
        return new SoakSchedule(seed, phase1, phase2, first, List.copyOf(faults));
    }

    private static GatewayLifetimes lifetimes(Random random, int phase1, int phase2) {
        boolean shorter = random.nextBoolean();
        int childLife = Math.max(15, phase2 - 2 - random.nextInt(8));
        int ikeReauth = Math.max(40, phase1 - 10 - random.nextInt(21));
        return new GatewayLifetimes(shorter, childLife - 5, childLife, ikeReauth, 10);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "soak schedule, seed %d (-Droadwarrior.soak.seed=%d replays it)%n"
                        + "profile lifetimes: phase 1 %d s, phase 2 %d s; %s%n", seed, seed, phase1Seconds,
                phase2Seconds, gateway));
        faults.forEach(f -> s.append(f).append(System.lineSeparator()));
        return s.toString();
    }
}
