using CrmKit.Core.Fields.BuiltIn;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields;

/// <summary>The field types every host has, one instance each, in the order of <see cref="BuiltInFieldTypes"/>.</summary>
internal static class BuiltInFieldTypeCatalog
{
    /// <summary>Gets the built-in types with the default settings (phone numbers read in Russia).</summary>
    public static IReadOnlyList<IFieldType> All { get; } = Create();

    /// <summary>Creates the built-in types with the given settings.</summary>
    /// <param name="defaultPhoneRegion">The region phone numbers without a country code are read in.</param>
    /// <returns>New instances of every built-in type.</returns>
    public static IReadOnlyList<IFieldType> Create(string defaultPhoneRegion = PhoneFieldType.DefaultRegionCode) =>
    [
        new StringFieldType(),
        new TextFieldType(),
        new IntegerFieldType(),
        new DecimalFieldType(),
        new MoneyFieldType(),
        new BooleanFieldType(),
        new DateFieldType(),
        new DateTimeFieldType(),
        new EmailFieldType(),
        new PhoneFieldType(defaultPhoneRegion),
        new UrlFieldType(),
        new EnumFieldType(),
        new MultiEnumFieldType(),
        new LookupFieldType(),
        new JsonFieldType(),
    ];
}
