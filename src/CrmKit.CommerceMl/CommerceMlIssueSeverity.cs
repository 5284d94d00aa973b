namespace CrmKit.CommerceMl;

/// <summary>How serious a <see cref="CommerceMlIssue"/> is. Both kinds fail a validation.</summary>
public enum CommerceMlIssueSeverity
{
    /// <summary>The file breaks the schema, or is not well-formed XML.</summary>
    Error,

    /// <summary>
    /// The validator could not check a part (for example an element outside the CommerceML namespace, which is how a
    /// file without <c>xmlns="urn:1C.ru:commerceml_2"</c> shows).
    /// </summary>
    Warning,
}
