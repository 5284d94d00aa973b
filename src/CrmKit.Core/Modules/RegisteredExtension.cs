namespace CrmKit.Core.Modules;

/// <summary>One registered extension: its kind (see <c>ExtensionKinds</c>), name and owning module.</summary>
/// <param name="Kind">The kind, such as <c>workflow-action</c>.</param>
/// <param name="Name">The name within the kind.</param>
/// <param name="Owner">The owning module or plugin id; <c>host</c> for what the host registered itself.</param>
public sealed record RegisteredExtension(string Kind, string Name, string Owner)
{
    /// <summary>The qualified name, <c>kind:name</c>.</summary>
    public string QualifiedName => Kind + ":" + Name;
}
