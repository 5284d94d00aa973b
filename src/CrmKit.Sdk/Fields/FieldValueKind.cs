namespace CrmKit.Sdk.Fields;

/// <summary>How a field type's values are stored, compared and sorted by the stores and the filter language.</summary>
public enum FieldValueKind
{
    /// <summary>A JSON string compared as text (ordinal).</summary>
    Text = 0,

    /// <summary>A JSON integer.</summary>
    Integer = 1,

    /// <summary>
    /// A JSON number, stored with its exact text. How filters compare it is up to the store (SQLite compares
    /// IEEE doubles; the stored value stays exact).
    /// </summary>
    Decimal = 2,

    /// <summary>A JSON boolean.</summary>
    Boolean = 3,

    /// <summary>A date (<c>yyyy-MM-dd</c>).</summary>
    Date = 4,

    /// <summary>A UTC instant stored as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    DateTime = 5,

    /// <summary>An object <c>{"amount": number, "currency": "ISO 4217"}</c> compared by amount.</summary>
    Money = 6,

    /// <summary>A JSON array of strings (multi-enum); filtered with <c>has</c>.</summary>
    TextArray = 7,

    /// <summary>A record id (UUID text) of another entity.</summary>
    Reference = 8,

    /// <summary>Any JSON; not comparable or sortable.</summary>
    Json = 9,
}
