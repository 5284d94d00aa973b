using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary><c>date</c>: a calendar date, <c>yyyy-MM-dd</c> (RFC 3339 full-date), checked by the schema's format.</summary>
internal sealed class DateFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public DateFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Date,
            FieldValueKind.Date,
            new JsonObject { ["type"] = "string", ["format"] = "date" },
            FieldMessages.DisplayName(BuiltInFieldTypes.Date)))
    {
    }
}
