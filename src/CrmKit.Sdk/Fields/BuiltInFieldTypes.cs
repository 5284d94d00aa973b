namespace CrmKit.Sdk.Fields;

/// <summary>The names of the field types every host provides.</summary>
public static class BuiltInFieldTypes
{
    /// <summary>A single-line string.</summary>
    public const string String = "string";

    /// <summary>Multi-line text.</summary>
    public const string Text = "text";

    /// <summary>A whole number.</summary>
    public const string Integer = "integer";

    /// <summary>An exact decimal number.</summary>
    public const string Decimal = "decimal";

    /// <summary>An exact amount with an ISO 4217 currency.</summary>
    public const string Money = "money";

    /// <summary>True or false.</summary>
    public const string Boolean = "boolean";

    /// <summary>A calendar date.</summary>
    public const string Date = "date";

    /// <summary>An instant, stored in UTC; offsets are accepted on input.</summary>
    public const string DateTime = "datetime";

    /// <summary>An e-mail address.</summary>
    public const string Email = "email";

    /// <summary>A phone number, normalized to E.164.</summary>
    public const string Phone = "phone";

    /// <summary>An absolute URL.</summary>
    public const string Url = "url";

    /// <summary>One value from a list of options.</summary>
    public const string Enum = "enum";

    /// <summary>Several values from a list of options.</summary>
    public const string MultiEnum = "multi_enum";

    /// <summary>A reference to a record of another entity.</summary>
    public const string Lookup = "lookup";

    /// <summary>Any JSON value.</summary>
    public const string Json = "json";
}
