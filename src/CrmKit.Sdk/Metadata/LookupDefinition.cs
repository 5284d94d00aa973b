namespace CrmKit.Sdk.Metadata;

/// <summary>The target of a lookup field.</summary>
/// <param name="TargetEntity">The entity the field points to.</param>
/// <param name="OnDelete">What happens when the target record is deleted.</param>
public sealed record LookupDefinition(string TargetEntity, LookupDeleteBehavior OnDelete);
