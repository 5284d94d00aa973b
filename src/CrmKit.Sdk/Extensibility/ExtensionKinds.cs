namespace CrmKit.Sdk.Extensibility;

/// <summary>
/// The kinds of names a module registers, as used in plugin manifests (<c>provides</c>, <c>replaces</c>,
/// <c>decorates</c>) and in what the host reports a module registered: <c>kind:name</c>, for example
/// <c>field-type:acme.points</c>. Two modules registering the same qualified name conflict unless the later one
/// declares that it replaces or decorates the other.
/// </summary>
/// <remarks>
/// A module that decorates a service-based extension (a record message, workflow action, trigger, registry lookup, accounting
/// exporter, message channel or file store) receives the original as a keyed service whose key is the qualified name:
/// <c>[FromKeyedServices("workflow-action:egrul.refresh")] IWorkflowAction inner</c>. A module that decorates a field
/// type finds the original through <see cref="IFieldTypeRegistry.TryGet"/> during
/// <see cref="ICrmModule.Configure"/>.
/// </remarks>
public static class ExtensionKinds
{
    /// <summary>An entity the module defines.</summary>
    public const string Entity = "entity";

    /// <summary>A field the module adds, named <c>entity.field</c>.</summary>
    public const string Field = "field";

    /// <summary>A field type (<see cref="Fields.IFieldType"/>).</summary>
    public const string FieldType = "field-type";

    /// <summary>A record pipeline hook (<see cref="Pipeline.IRecordHook"/>), named after its descriptor.</summary>
    public const string RecordHook = "record-hook";

    /// <summary>A record message (<see cref="Pipeline.IRecordMessageHandler"/>), named after its descriptor.</summary>
    public const string RecordMessage = "record-message";

    /// <summary>A workflow action (<see cref="Workflows.IWorkflowAction"/>), named after its type.</summary>
    public const string WorkflowAction = "workflow-action";

    /// <summary>A workflow trigger (<see cref="Workflows.IWorkflowTrigger"/>), named after its type.</summary>
    public const string WorkflowTrigger = "workflow-trigger";

    /// <summary>A company-registry lookup (<see cref="Integrations.IRegistryLookup"/>).</summary>
    public const string RegistryLookup = "registry-lookup";

    /// <summary>An accounting exporter (<see cref="Integrations.IAccountingExporter"/>).</summary>
    public const string AccountingExporter = "accounting-exporter";

    /// <summary>A message channel type (<see cref="Messaging.IMessageChannel"/>).</summary>
    public const string MessageChannel = "message-channel";

    /// <summary>A named file store (<see cref="Files.IFileStore"/>).</summary>
    public const string FileStore = "file-store";

    /// <summary>An HTTP endpoint under <c>/api/ext/{name}</c> (<see cref="Http.IHttpEndpoint"/>).</summary>
    public const string HttpEndpoint = "http-endpoint";

    /// <summary>Qualifies a name with its kind: <c>kind:name</c>.</summary>
    /// <param name="kind">One of the constants of this class.</param>
    /// <param name="name">The name within the kind.</param>
    /// <returns>The qualified name.</returns>
    public static string Qualify(string kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return kind + ":" + name;
    }
}
