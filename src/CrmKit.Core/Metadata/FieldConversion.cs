namespace CrmKit.Core.Metadata;

/// <summary>How existing values are treated when a field's definition changes.</summary>
public enum FieldConversion
{
    /// <summary>Values are kept as they are; the change is refused if any violates the new definition.</summary>
    None = 0,

    /// <summary>
    /// Values are converted to the new type where a lossless conversion exists (text "42" → 42, 42 → "42",
    /// "true" → true, a date-time → its date in UTC...). Values that cannot be converted are reported.
    /// </summary>
    Cast = 1,
}
