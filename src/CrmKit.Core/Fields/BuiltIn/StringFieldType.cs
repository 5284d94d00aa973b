using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>string</c>: single-line text, at most 255 characters unless the field sets its own <c>maxLength</c>.
/// Every control character is refused, line breaks and tabs included (use <c>text</c> for those), as are unpaired
/// surrogates. The value is stored as written: no trimming.
/// </summary>
internal sealed class StringFieldType : FieldType
{
    /// <summary>The default <c>maxLength</c>.</summary>
    public const int DefaultMaxLength = 255;

    /// <summary>Creates the type.</summary>
    public StringFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.String,
            FieldValueKind.Text,
            new JsonObject { ["type"] = "string", ["maxLength"] = DefaultMaxLength },
            FieldMessages.DisplayName(BuiltInFieldTypes.String)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context) =>
        TextCharacters.Check(
            context, [], FieldErrorCodes.StringControlCharacters, FieldErrorCodes.StringInvalidUnicode);
}
