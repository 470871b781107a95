package eu.taskforce.contracts.membership;

/** A representative's role for its member organisation: at most one principal at a time, any number of alternates. */
public enum RepresentativeRole { PRINCIPAL, ALTERNATE }
