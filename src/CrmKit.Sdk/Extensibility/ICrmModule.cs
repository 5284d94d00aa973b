namespace CrmKit.Sdk.Extensibility;

/// <summary>
/// A unit of CRM functionality — the built-in standard model, or a plugin — that registers entities, fields,
/// field types and hooks through an <see cref="ICrmBuilder"/>.
/// </summary>
public interface ICrmModule
{
    /// <summary>The module's stable id, for example <c>crmkit.standard</c>.</summary>
    string Id { get; }

    /// <summary>Registers the module's extensions.</summary>
    /// <param name="builder">The builder scoped to this module.</param>
    void Configure(ICrmBuilder builder);
}
