using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>text</c>: multi-line text up to 100,000 characters. Tab, line feed and carriage return are allowed; other
/// control characters and unpaired surrogates are refused. The value is stored as written.
/// </summary>
internal sealed class TextFieldType : FieldType
{
    /// <summary>The default <c>maxLength</c>.</summary>
    public const int DefaultMaxLength = 100_000;

    /// <summary>Creates the type.</summary>
    public TextFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Text,
            FieldValueKind.Text,
            new JsonObject { ["type"] = "string", ["maxLength"] = DefaultMaxLength },
            FieldMessages.DisplayName(BuiltInFieldTypes.Text)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context) =>
        TextCharacters.Check(
            context, ['\t', '\n', '\r'], FieldErrorCodes.TextControlCharacters, FieldErrorCodes.TextInvalidUnicode);
}
