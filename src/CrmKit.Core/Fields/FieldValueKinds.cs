using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields;

/// <summary>The names <see cref="FieldValueKind"/>s are stored under (<c>x-crm-kind</c>).</summary>
internal static class FieldValueKinds
{
    private static readonly Dictionary<string, FieldValueKind> ByName = new(StringComparer.Ordinal)
    {
        ["text"] = FieldValueKind.Text,
        ["integer"] = FieldValueKind.Integer,
        ["decimal"] = FieldValueKind.Decimal,
        ["boolean"] = FieldValueKind.Boolean,
        ["date"] = FieldValueKind.Date,
        ["date_time"] = FieldValueKind.DateTime,
        ["money"] = FieldValueKind.Money,
        ["text_array"] = FieldValueKind.TextArray,
        ["reference"] = FieldValueKind.Reference,
        ["json"] = FieldValueKind.Json,
    };

    public static string ToName(FieldValueKind kind) => ByName.First(p => p.Value == kind).Key;

    public static bool TryParse(string? name, out FieldValueKind kind) =>
        ByName.TryGetValue(name ?? string.Empty, out kind);
}
