package dev.iotctl.cdk.iot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.iot.CfnThingGroup;
import software.constructs.Construct;

/**
 * An AWS IoT static thing group ({@code AWS::IoT::ThingGroup}), optionally nested under a parent. A
 * child names its parent by reference, so one stack creates parents first and removes them last.
 * Membership ({@link #addThing}) is applied by {@link ThingBindings}.
 */
public class ThingGroup extends Resource implements IThingGroup {
  /** Levels AWS IoT allows in a group hierarchy. */
  public static final int MAX_DEPTH = 7;

  private final CfnThingGroup resource;
  private final IThingGroup parent;
  private final String declaredName;
  private final String thingGroupName;
  private final String thingGroupArn;

  public ThingGroup(Construct scope, String id, ThingGroupProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getThingGroupName()).build());
    this.declaredName = props.getThingGroupName();
    this.parent = props.getParent();
    List<String> problems = new ArrayList<>();
    ResourceNames.checkThingName("thing group name", props.getThingGroupName())
        .ifPresent(problems::add);
    if (depth(this) > MAX_DEPTH) {
      problems.add(
          "thing group '"
              + props.getThingGroupName()
              + "': nested deeper than "
              + MAX_DEPTH
              + " levels");
    }
    this.resource =
        CfnThingGroup.Builder.create(this, "Resource")
            .thingGroupName(props.getThingGroupName())
            .parentGroupName(parent == null ? null : parent.getThingGroupName())
            .thingGroupProperties(
                CfnThingGroup.ThingGroupPropertiesProperty.builder()
                    .thingGroupDescription(props.getDescription())
                    .attributePayload(
                        props.getAttributes().isEmpty()
                            ? null
                            : CfnThingGroup.AttributePayloadProperty.builder()
                                .attributes(props.getAttributes())
                                .build())
                    .build())
            .build();
    this.thingGroupName = getResourceNameAttribute(resource.getRef());
    this.thingGroupArn =
        getResourceArnAttribute(
            resource.getAttrArn(),
            ArnComponents.builder()
                .service("iot")
                .resource("thinggroup")
                .resourceName(getPhysicalName())
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    RegionSupport.requireThingTypesAndGroups(this, "AWS::IoT::ThingGroup");
    Problems.report(this, problems);
  }

  /** A group that exists outside this app, by name (its parent unknown). */
  public static IThingGroup fromThingGroupName(Construct scope, String id, String thingGroupName) {
    return fromThingGroupAttributes(scope, id, new ThingGroupAttributes(thingGroupName, null));
  }

  /** A group that exists outside this app, by ARN (its parent unknown). */
  public static IThingGroup fromThingGroupArn(Construct scope, String id, String thingGroupArn) {
    return new Imported(scope, id, IotArns.name(thingGroupArn), thingGroupArn, null);
  }

  /** A group that exists outside this app, with its parent (for the hierarchy check). */
  public static IThingGroup fromThingGroupAttributes(
      Construct scope, String id, ThingGroupAttributes attributes) {
    String name = attributes.thingGroupName();
    return new Imported(
        scope, id, name, IotArns.arn(scope, "thinggroup", name), attributes.parent());
  }

  @Override
  public String getThingGroupName() {
    return thingGroupName;
  }

  @Override
  public String getThingGroupArn() {
    return thingGroupArn;
  }

  @Override
  public IThingGroup getParent() {
    return parent;
  }

  @Override
  public void addThing(IThing thing) {
    ThingBindings.of(thing).addMembership(thing, this);
  }

  /** The name for messages: as declared, or the construct path when it is generated. */
  String label() {
    return declaredName != null ? declaredName : getNode().getPath();
  }

  /** The underlying L1 resource. */
  public CfnThingGroup getCfnThingGroup() {
    return resource;
  }

  /** The top of {@code group}'s hierarchy (itself for a root group). */
  static IThingGroup root(IThingGroup group) {
    Set<IThingGroup> seen = new HashSet<>();
    IThingGroup g = group;
    while (g.getParent() != null && seen.add(g)) {
      g = g.getParent();
    }
    return g;
  }

  /** Levels from the root (1 for a root group). */
  static int depth(IThingGroup group) {
    int depth = 1;
    Set<IThingGroup> seen = new HashSet<>();
    for (IThingGroup g = group; g.getParent() != null && seen.add(g); g = g.getParent()) {
      depth++;
    }
    return depth;
  }

  private static final class Imported extends Resource implements IThingGroup {
    private final String name;
    private final String arn;
    private final IThingGroup parent;

    Imported(Construct scope, String id, String name, String arn, IThingGroup parent) {
      super(scope, id, ResourceProps.builder().environmentFromArn(arn).build());
      this.name = name;
      this.arn = arn;
      this.parent = parent;
    }

    @Override
    public String getThingGroupName() {
      return name;
    }

    @Override
    public String getThingGroupArn() {
      return arn;
    }

    @Override
    public IThingGroup getParent() {
      return parent;
    }

    @Override
    public void addThing(IThing thing) {
      ThingBindings.of(thing).addMembership(thing, this);
    }
  }
}
