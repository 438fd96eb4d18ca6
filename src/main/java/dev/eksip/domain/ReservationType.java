package dev.eksip.domain;

import java.util.Optional;

/** EC2 {@code SubnetCidrReservationType}. */
public enum ReservationType implements WireName {
    /** EC2 assigns /28 prefixes (prefix delegation) from the reserved range. */
    PREFIX("prefix"),
    /** Addresses only assigned explicitly: taken from the subnet for everything else. */
    EXPLICIT("explicit");

    private final String id;

    ReservationType(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<ReservationType> fromId(String id) {
        return WireName.parse(ReservationType.class, id);
    }
}
