package dev.iotctl.cdk.iot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One {@code Custom::IotctlThingBindings} resource per stack, holding what {@code AWS::IoT::Thing}
 * cannot express for every thing of the stack: its type, attributes and static groups.
 *
 * <p>{@code Things: [{ThingName, ThingType?, Attributes?, ThingGroups}]}. An entry with {@code
 * Attributes} (a thing defined in this stack) owns the thing's type and attributes; an entry
 * without (an imported thing added to a group) owns only its memberships. The handler ({@code
 * custom_resources.py}, run by {@link ThingBindingsProvider} in AWS and by {@code iotctl local
 * apply} locally) applies the difference between the old and new lists.
 */
public class ThingBindings extends Construct {
  /** The CloudFormation resource type. */
  public static final String RESOURCE_TYPE = "Custom::IotctlThingBindings";

  /** The construct id of a stack's bindings. */
  public static final String ID = "IotctlThingBindings";

  /**
   * CloudFormation hands the function old and new properties in one event, which Lambda limits to
   * 256 KB; this keeps the list well under half of that.
   */
  public static final int MAX_PROPERTIES_BYTES = 100_000;

  /** How long CloudFormation waits for the function before failing the resource. */
  public static final Duration SERVICE_TIMEOUT = Duration.seconds(660);

  private final Map<IThing, Set<IThingGroup>> entries = new LinkedHashMap<>();
  private final CustomResource resource;

  private ThingBindings(Stack stack, IThingBindingsProvider provider) {
    super(stack, ID);
    this.resource =
        CustomResource.Builder.create(this, "Resource")
            .serviceToken(provider.getServiceToken())
            .serviceTimeout(SERVICE_TIMEOUT)
            .resourceType(RESOURCE_TYPE)
            .properties(Map.of("Things", Lazy.any(this::render)))
            .build();
    getNode().addValidation(this::validate);
  }

  /**
   * The bindings of {@code scope}'s stack, created on first use with a function of the stack's own
   * ({@link ThingBindingsProvider#singleton}) unless {@link #use} chose one.
   */
  public static ThingBindings of(IConstruct scope) {
    Stack stack = Stack.of(scope);
    IConstruct existing = stack.getNode().tryFindChild(ID);
    if (existing instanceof ThingBindings bindings) {
      return bindings;
    }
    return new ThingBindings(stack, ThingBindingsProvider.singleton(stack));
  }

  /**
   * Makes {@code stack}'s bindings use {@code provider}, e.g. a function in another stack found by
   * its fixed name ({@link ThingBindingsProvider#fromFunctionName}). Call before adding things.
   */
  public static ThingBindings use(Stack stack, IThingBindingsProvider provider) {
    if (stack.getNode().tryFindChild(ID) != null) {
      throw new IllegalStateException(
          "stack " + stack.getNode().getPath() + " already has thing bindings");
    }
    return new ThingBindings(stack, provider);
  }

  /** Binds a thing defined in this stack: type, attributes and groups come from the thing. */
  void addThing(Thing thing) {
    // The entry names the thing by Ref, so CloudFormation creates the thing first.
    entries.computeIfAbsent(thing, t -> new LinkedHashSet<>());
  }

  /** Adds {@code thing} (defined here or imported) to {@code group}. */
  void addMembership(IThing thing, IThingGroup group) {
    if (thing instanceof Thing owned) {
      owned.addToGroup(group);
      return;
    }
    entries.computeIfAbsent(thing, t -> new LinkedHashSet<>()).add(group);
  }

  /** How many things the bindings hold. */
  public int getThingCount() {
    return entries.size();
  }

  /** The underlying custom resource. */
  public CustomResource getResource() {
    return resource;
  }

  private List<Object> render() {
    List<Object> things = new ArrayList<>();
    entries.forEach(
        (thing, memberships) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("ThingName", thing.getThingName());
          if (thing instanceof Thing owned) {
            if (owned.getThingType() != null) {
              entry.put("ThingType", owned.getThingType().getThingTypeName());
            }
            entry.put("Attributes", owned.getAttributes());
          }
          entry.put(
              "ThingGroups",
              groupsOf(thing, memberships).stream().map(IThingGroup::getThingGroupName).toList());
          things.add(entry);
        });
    return things;
  }

  private static List<IThingGroup> groupsOf(IThing thing, Set<IThingGroup> memberships) {
    Set<IThingGroup> groups = new LinkedHashSet<>(memberships);
    if (thing instanceof Thing owned) {
      groups.addAll(owned.getThingGroups());
    }
    return List.copyOf(groups);
  }

  private List<String> validate() {
    List<String> problems = new ArrayList<>();
    long bytes = 0;
    for (Map.Entry<IThing, Set<IThingGroup>> e : entries.entrySet()) {
      IThing thing = e.getKey();
      List<IThingGroup> groups = groupsOf(thing, e.getValue());
      String label = "thing '" + label(thing) + "': ";
      if (groups.size() > Thing.MAX_GROUPS) {
        problems.add(
            label + "is in " + groups.size() + " groups; AWS IoT allows " + Thing.MAX_GROUPS);
      }
      Map<IThingGroup, List<IThingGroup>> byRoot = new LinkedHashMap<>();
      groups.forEach(
          g -> byRoot.computeIfAbsent(ThingGroup.root(g), r -> new ArrayList<>()).add(g));
      byRoot.forEach(
          (root, inHierarchy) -> {
            if (inHierarchy.size() > 1) {
              problems.add(
                  label
                      + "groups "
                      + inHierarchy.stream()
                          .map(ThingBindings::label)
                          .collect(Collectors.joining(" and "))
                      + " are in one hierarchy (under '"
                      + label(root)
                      + "'); AWS IoT allows a thing in only one group per hierarchy");
            }
          });
      bytes += estimateBytes(thing, groups);
    }
    if (bytes > MAX_PROPERTIES_BYTES) {
      problems.add(
          "the thing bindings of stack "
              + Stack.of(this).getStackName()
              + " hold about "
              + bytes / 1000
              + " KB of types, attributes and groups for "
              + entries.size()
              + " things; keep them under "
              + MAX_PROPERTIES_BYTES / 1000
              + " KB (fewer things or attributes per stack)");
    }
    return problems;
  }

  private static long estimateBytes(IThing thing, List<IThingGroup> groups) {
    long bytes = 80 + label(thing).length();
    if (thing instanceof Thing owned) {
      IThingType type = owned.getThingType();
      if (type != null) {
        bytes += 16 + (type instanceof ThingType t ? text(t) : text(type.getThingTypeName()));
      }
      for (Map.Entry<String, String> a : owned.getAttributes().entrySet()) {
        bytes += 6 + text(a.getKey()) + text(a.getValue());
      }
    }
    for (IThingGroup g : groups) {
      bytes += 3 + label(g).length();
    }
    return bytes;
  }

  /** A reference resolves to a name of unknown length; count it as a long one. */
  private static long text(String s) {
    return s == null ? 0 : Tokens.isUnresolved(s) ? 128 : s.length();
  }

  private static long text(ThingType type) {
    return type.label().length();
  }

  static String label(IThing thing) {
    return thing instanceof Thing owned ? owned.label() : literalOr(thing.getThingName(), thing);
  }

  static String label(IThingGroup group) {
    return group instanceof ThingGroup owned
        ? owned.label()
        : literalOr(group.getThingGroupName(), group);
  }

  private static String literalOr(String name, IConstruct construct) {
    return Tokens.isUnresolved(name) ? construct.getNode().getPath() : name;
  }
}
