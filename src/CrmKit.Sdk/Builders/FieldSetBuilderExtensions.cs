using CrmKit.Sdk.Fields;

namespace CrmKit.Sdk.Builders;

/// <summary>Typed shortcuts for adding fields of the built-in types.</summary>
public static class FieldSetBuilderExtensions
{
    /// <summary>Adds a field of any type.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="type">The field type name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Field<TBuilder>(
        this TBuilder builder, string name, string type, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder
    {
        builder.AddField(name, type, configure);
        return builder;
    }

    /// <summary>Adds a single-line string field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder String<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.String, configure);

    /// <summary>Adds a multi-line text field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Text<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Text, configure);

    /// <summary>Adds an integer field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Integer<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Integer, configure);

    /// <summary>Adds an exact decimal field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Decimal<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Decimal, configure);

    /// <summary>Adds a money field (exact amount and ISO 4217 currency).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Money<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Money, configure);

    /// <summary>Adds a boolean field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Boolean<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Boolean, configure);

    /// <summary>Adds a date field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Date<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Date, configure);

    /// <summary>Adds a date-time field (stored in UTC).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder DateTime<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.DateTime, configure);

    /// <summary>Adds an e-mail field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Email<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Email, configure);

    /// <summary>Adds a phone field (normalized to E.164).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Phone<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Phone, configure);

    /// <summary>Adds a URL field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Url<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Url, configure);

    /// <summary>Adds an enum field; declare its options with <see cref="FieldBuilder.Option"/>.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Enum<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Enum, configure);

    /// <summary>Adds a multi-enum field; declare its options with <see cref="FieldBuilder.Option"/>.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder MultiEnum<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.MultiEnum, configure);

    /// <summary>Adds a lookup field referencing records of another entity.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="targetEntity">The entity referenced.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Lookup<TBuilder>(
        this TBuilder builder, string name, string targetEntity, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder =>
        builder.Field(name, BuiltInFieldTypes.Lookup, f =>
        {
            f.References(targetEntity);
            configure?.Invoke(f);
        });

    /// <summary>Adds a free-form JSON field.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The field name.</param>
    /// <param name="configure">Configures the field.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Json<TBuilder>(this TBuilder builder, string name, Action<FieldBuilder>? configure = null)
        where TBuilder : IFieldSetBuilder => builder.Field(name, BuiltInFieldTypes.Json, configure);
}
