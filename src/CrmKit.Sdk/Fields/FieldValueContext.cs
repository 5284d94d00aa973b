using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Sdk.Fields;

/// <summary>A value being normalized by its <see cref="IFieldType"/>.</summary>
public sealed class FieldValueContext
{
    private List<CrmError>? _errors;

    /// <summary>Creates a context.</summary>
    /// <param name="field">The field the value belongs to.</param>
    /// <param name="value">The value, never JSON null.</param>
    /// <param name="pointer">The JSON pointer of the value in the request.</param>
    public FieldValueContext(FieldDefinition field, JsonNode value, string pointer)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Pointer = pointer ?? string.Empty;
    }

    /// <summary>The field the value belongs to.</summary>
    public FieldDefinition Field { get; }

    /// <summary>The value; a normalizer may replace it with its canonical form.</summary>
    public JsonNode Value { get; set; }

    /// <summary>The JSON pointer of the value in the request.</summary>
    public string Pointer { get; }

    /// <summary>The problems reported so far.</summary>
    public IReadOnlyList<CrmError> Errors => _errors ?? (IReadOnlyList<CrmError>)[];

    /// <summary>Whether a problem was reported.</summary>
    public bool HasErrors => _errors is { Count: > 0 };

    /// <summary>Reports a problem with the value.</summary>
    /// <param name="code">A stable code, such as <c>phone.invalid</c>.</param>
    /// <param name="message">The localized message.</param>
    public void AddError(string code, LocalizedText message)
    {
        (_errors ??= []).Add(new CrmError(code, Pointer, message));
    }
}
