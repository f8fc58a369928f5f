package dev.iotctl.local.registry;

/** One thing-principal attachment, as ListThingPrincipalsV2 and ListPrincipalThingsV2 report it. */
public record ThingPrincipal(String thingName, String principal, ThingPrincipalType type) {}
