package dev.iotctl.cdk.iot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.iot.CfnThing;
import software.constructs.Construct;

/**
 * An AWS IoT thing ({@code AWS::IoT::Thing}) with its type, attributes and static groups.
 *
 * <p>CloudFormation's thing has no type, and AWS IoT refuses more than 3 attributes on a thing
 * created without one. So the {@code AWS::IoT::Thing} carries only the name, and the stack's {@link
 * ThingBindings} resource owns the rest: it sets the type before the attributes (and removes it
 * after trimming them), and manages group memberships. A thing with no type, attributes or groups
 * needs no bindings.
 */
public class Thing extends Resource implements IThing, Scopes.KnownId {
  /** Static groups AWS IoT allows per thing. */
  public static final int MAX_GROUPS = 10;

  private final CfnThing resource;
  private final IThingType thingType;
  private final Map<String, String> attributes;
  private final List<IThingGroup> groups = new ArrayList<>();
  private final String constructId;
  private final String declaredName;
  private final String thingName;
  private String thingArn;
  private ThingBindings bindings;

  public Thing(Construct scope, String id, ThingProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getThingName()).build());
    this.constructId = id;
    this.thingType = props.getThingType();
    this.attributes = props.getAttributes();
    this.declaredName = props.getThingName();
    List<String> problems = new ArrayList<>();
    ResourceNames.checkThingName("thing name", props.getThingName()).ifPresent(problems::add);
    ResourceNames.checkAttributes(attributes, thingType != null)
        .ifPresent(p -> problems.add("thing '" + label() + "': " + p));
    this.resource =
        CfnThing.Builder.create(this, "Resource").thingName(props.getThingName()).build();
    // A plain Ref (not getResourceNameAttribute): one jsii call per thing, in fleets of thousands;
    // a thing is referenced from its own stack (attachments, bindings).
    this.thingName = resource.getRef();
    if (thingType != null || !attributes.isEmpty()) {
      bind();
    }
    props.getThingGroups().forEach(this::addToGroup);
    Problems.report(this, problems);
  }

  /** A thing that exists outside this app, by name. */
  public static IThing fromThingName(Construct scope, String id, String thingName) {
    return new Imported(scope, id, thingName, IotArns.arn(scope, "thing", thingName));
  }

  /** A thing that exists outside this app, by ARN. */
  public static IThing fromThingArn(Construct scope, String id, String thingArn) {
    return new Imported(scope, id, IotArns.name(thingArn), thingArn);
  }

  /** Adds the thing to a static group (at most 10 groups, one per hierarchy). */
  public void addToGroup(IThingGroup group) {
    groups.add(group);
    bind();
  }

  /** Puts the thing in its stack's bindings (once; each call to the jsii runtime costs). */
  private void bind() {
    if (bindings == null) {
      bindings = ThingBindings.of(this);
      bindings.addThing(this);
    }
  }

  @Override
  public String getThingName() {
    return thingName;
  }

  /** Built on first use: most things' ARNs are never asked for, and each costs jsii calls. */
  @Override
  public String getThingArn() {
    if (thingArn == null) {
      thingArn =
          getResourceArnAttribute(
              resource.getAttrArn(),
              ArnComponents.builder()
                  .service("iot")
                  .resource("thing")
                  .resourceName(getPhysicalName())
                  .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                  .build());
    }
    return thingArn;
  }

  /** The thing's type, or null. */
  public IThingType getThingType() {
    return thingType;
  }

  /** The thing's attributes, in declaration order. */
  public Map<String, String> getAttributes() {
    return attributes;
  }

  /** The static groups the thing belongs to, in the order they were added. */
  public List<IThingGroup> getThingGroups() {
    return Collections.unmodifiableList(groups);
  }

  /** The underlying L1 resource. */
  public CfnThing getCfnThing() {
    return resource;
  }

  @Override
  public String constructId() {
    return constructId;
  }

  /** The name for messages: as declared, or the construct path when it is generated. */
  String label() {
    return declaredName != null ? declaredName : getNode().getPath();
  }

  private static final class Imported extends Resource implements IThing {
    private final String name;
    private final String arn;

    Imported(Construct scope, String id, String name, String arn) {
      super(scope, id, ResourceProps.builder().environmentFromArn(arn).build());
      this.name = name;
      this.arn = arn;
    }

    @Override
    public String getThingName() {
      return name;
    }

    @Override
    public String getThingArn() {
      return arn;
    }
  }
}
