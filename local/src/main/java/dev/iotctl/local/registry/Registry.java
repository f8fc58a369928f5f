package dev.iotctl.local.registry;

import dev.iotctl.local.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The stand-in's single source of truth for IoT Core's registry, policies, certificates, shadows
 * and rules: opens {@code registry.db} in a data directory and exposes one service per concern.
 * Every service method is one transaction.
 */
public final class Registry implements AutoCloseable {
  /** The database file's name in the data directory. */
  public static final String FILE_NAME = "registry.db";

  private final Database database;
  private final Listeners listeners;
  private final ThingTypeRegistry thingTypes;
  private final ThingRegistry things;
  private final ThingGroupRegistry thingGroups;
  private final PolicyRegistry policies;
  private final CertificateRegistry certificates;
  private final ThingPrincipalRegistry thingPrincipals;
  private final ShadowStore shadows;
  private final TopicRuleStore topicRules;
  private final TagRegistry tags;
  private final LoggingRegistry logging;

  private Registry(
      Database database, RegistryConfig config, Clock clock, PolicyDocumentValidator validator) {
    this.database = database;
    this.listeners = new Listeners();
    Context context = new Context(database, config, clock, listeners);
    this.thingTypes = new ThingTypeRegistry(context);
    this.things = new ThingRegistry(context, thingTypes);
    this.thingGroups = new ThingGroupRegistry(context, things);
    this.policies = new PolicyRegistry(context, validator);
    this.certificates = new CertificateRegistry(context, policies, things, thingGroups);
    this.thingPrincipals = new ThingPrincipalRegistry(context, things, certificates);
    this.shadows = new ShadowStore(context);
    this.topicRules = new TopicRuleStore(context);
    this.tags = new TagRegistry(context);
    this.logging = new LoggingRegistry(context);
  }

  /** Opens the registry in {@code dataDirectory} with default settings. */
  public static Registry open(Path dataDirectory) {
    return open(
        dataDirectory,
        RegistryConfig.defaults(),
        Clock.systemUTC(),
        PolicyDocumentValidator.JSON_OBJECT);
  }

  /**
   * Opens the registry in {@code dataDirectory}, creating the database when absent.
   *
   * @param validator checks policy documents on CreatePolicy and CreatePolicyVersion
   */
  public static Registry open(
      Path dataDirectory, RegistryConfig config, Clock clock, PolicyDocumentValidator validator) {
    return new Registry(
        Database.open(dataDirectory.resolve(FILE_NAME), new Schema()), config, clock, validator);
  }

  /**
   * Runs {@code work}, whose registry calls all join one transaction: applied fully or not at all
   * (provisioning a thing, its certificate and policies from a template). Listeners hear of the
   * changes after the commit.
   */
  public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
    return database.write(tx -> work.get());
  }

  /** Registers a listener told about committed changes. */
  public void addListener(RegistryListener listener) {
    listeners.add(listener);
  }

  public void removeListener(RegistryListener listener) {
    listeners.remove(listener);
  }

  public ThingTypeRegistry thingTypes() {
    return thingTypes;
  }

  public ThingRegistry things() {
    return things;
  }

  public ThingGroupRegistry thingGroups() {
    return thingGroups;
  }

  public PolicyRegistry policies() {
    return policies;
  }

  public CertificateRegistry certificates() {
    return certificates;
  }

  public ThingPrincipalRegistry thingPrincipals() {
    return thingPrincipals;
  }

  public ShadowStore shadows() {
    return shadows;
  }

  public TopicRuleStore topicRules() {
    return topicRules;
  }

  public TagRegistry tags() {
    return tags;
  }

  public LoggingRegistry logging() {
    return logging;
  }

  @Override
  public void close() {
    database.close();
  }
}
