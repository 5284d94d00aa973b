using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Query;

/// <summary>Conditions: comparisons, <c>in</c>, <c>has</c> and the text functions, with their literals typed.</summary>
internal sealed partial class FilterParser
{
    private const int MaxOptionsInMessage = 20;

    private FilterNode ParsePredicate()
    {
        var fieldToken = Take();

        // A keyword where a field belongs ("a eq 1 or or b eq 2") is a syntax error, unless a field has that name.
        if (fieldToken.Kind != FilterTokenKind.Identifier ||
            (IsKeyword(fieldToken) && !QueryFields.Exists(_entity, fieldToken.Value)))
        {
            throw QueryErrors.Filter(
                QueryErrors.InvalidFilter, "filter.expected_field", fieldToken.Describe(), fieldToken.Position);
        }

        var (field, definition) = ResolveField(fieldToken);
        var operatorToken = Take();
        if (operatorToken.Is("in"))
        {
            return ParseIn(field, definition, operatorToken);
        }

        if (operatorToken.Is("has"))
        {
            return ParseHas(field, definition, operatorToken);
        }

        if (ComparisonOf(operatorToken) is not { } comparison)
        {
            throw QueryErrors.Filter(
                QueryErrors.InvalidFilter,
                "filter.expected_operator",
                field.Name,
                operatorToken.Describe(),
                operatorToken.Position);
        }

        var ordered = comparison is not (ComparisonOperator.Eq or ComparisonOperator.Ne);
        if (field.Kind == FieldValueKind.TextArray || (ordered && field.Kind == FieldValueKind.Boolean))
        {
            throw NotApplicable(operatorToken, field);
        }

        var value = ConvertLiteral(field, definition, Take(), allowNull: !ordered);
        CountTerm();
        return new ComparisonFilter(field, comparison, value);
    }

    private InFilter ParseIn(FieldReference field, FieldDefinition? definition, FilterToken operatorToken)
    {
        if (field.Kind == FieldValueKind.TextArray)
        {
            throw NotApplicable(operatorToken, field);
        }

        var open = Expect(FilterTokenKind.OpenParen, "filter.expected_open_paren");
        var values = new List<object>();
        while (true)
        {
            if (values.Count == MaxListLength)
            {
                throw QueryErrors.Filter(
                    QueryErrors.FilterTooComplex, "filter.list_too_long", open.Position, MaxListLength);
            }

            values.Add(ConvertLiteral(field, definition, Take(), allowNull: false)!);
            var separator = Take();
            if (separator.Kind == FilterTokenKind.CloseParen)
            {
                break;
            }

            if (separator.Kind != FilterTokenKind.Comma)
            {
                throw QueryErrors.Filter(
                    QueryErrors.InvalidFilter, "filter.expected_comma_or_close", separator.Describe(), separator.Position);
            }
        }

        CountTerm();
        return new InFilter(field, values);
    }

    private HasFilter ParseHas(FieldReference field, FieldDefinition? definition, FilterToken operatorToken)
    {
        if (field.Kind != FieldValueKind.TextArray)
        {
            throw NotApplicable(operatorToken, field);
        }

        var literal = Take();
        var value = ReadString(field, literal);
        CheckOption(field, definition, value, literal);
        CountTerm();
        return new HasFilter(field, value);
    }

    private TextMatchFilter ParseTextMatch(TextMatchKind kind)
    {
        var function = Take();
        Expect(FilterTokenKind.OpenParen, "filter.expected_open_paren");
        var fieldToken = Take();
        if (fieldToken.Kind != FilterTokenKind.Identifier)
        {
            throw QueryErrors.Filter(
                QueryErrors.InvalidFilter, "filter.expected_field", fieldToken.Describe(), fieldToken.Position);
        }

        var (field, _) = ResolveField(fieldToken);
        if (field.Kind != FieldValueKind.Text)
        {
            throw NotApplicable(function, field);
        }

        Expect(FilterTokenKind.Comma, "filter.expected_comma");
        var value = ReadString(field, Take());
        Expect(FilterTokenKind.CloseParen, "filter.expected_close_paren");
        CountTerm();
        return new TextMatchFilter(field, kind, value);
    }

    private (FieldReference Field, FieldDefinition? Definition) ResolveField(FilterToken token)
    {
        if (!QueryFields.TryResolve(_entity, token.Value, _kindOf, out var field, out var definition))
        {
            throw QueryErrors.Filter(
                QueryErrors.UnknownField, "filter.unknown_field", _entity.Name, QueryText.Quote(token.Value), token.Position);
        }

        if (field.Kind == FieldValueKind.Json)
        {
            throw QueryErrors.Filter(
                QueryErrors.FieldNotFilterable, "filter.field_not_filterable", field.Name, token.Position);
        }

        return (field, definition);
    }

    private static object? ConvertLiteral(FieldReference field, FieldDefinition? definition, FilterToken literal, bool allowNull)
    {
        if (!IsLiteral(literal))
        {
            throw QueryErrors.Filter(
                QueryErrors.InvalidFilter, "filter.expected_value", field.Name, literal.Describe(), literal.Position);
        }

        if (literal.Is("null"))
        {
            return allowNull
                ? null
                : throw QueryErrors.Filter(QueryErrors.InvalidLiteral, "filter.null_not_allowed", field.Name, literal.Position);
        }

        var text = literal.Value;
        object? value = (field.Kind, literal.Kind) switch
        {
            (FieldValueKind.Text, FilterTokenKind.String) => text,
            (FieldValueKind.Integer, FilterTokenKind.Number) when QueryLiterals.TryParseInteger(text, out var integer) =>
                integer,
            (FieldValueKind.Decimal or FieldValueKind.Money, FilterTokenKind.Number)
                when QueryLiterals.TryParseDecimal(text, out var number) => number,
            (FieldValueKind.Boolean, FilterTokenKind.Identifier) when literal.Is("true") => true,
            (FieldValueKind.Boolean, FilterTokenKind.Identifier) when literal.Is("false") => false,
            (FieldValueKind.Date, FilterTokenKind.Date or FilterTokenKind.String)
                when QueryLiterals.TryParseDate(text, out var date) => date,
            (FieldValueKind.DateTime, FilterTokenKind.Date or FilterTokenKind.DateTime or FilterTokenKind.String)
                when QueryLiterals.TryParseInstant(text, out var instant) => instant,
            (FieldValueKind.Reference, FilterTokenKind.Guid or FilterTokenKind.String)
                when QueryLiterals.TryParseReference(text, out var id) => id,
            _ => null,
        };

        if (value is null)
        {
            throw InvalidLiteral(field, literal);
        }

        if (value is string option && field.Kind == FieldValueKind.Text)
        {
            CheckOption(field, definition, option, literal);
        }

        return value;
    }

    private static string ReadString(FieldReference field, FilterToken literal)
    {
        if (literal.Kind == FilterTokenKind.String)
        {
            return literal.Value;
        }

        if (!IsLiteral(literal))
        {
            throw QueryErrors.Filter(
                QueryErrors.InvalidFilter, "filter.expected_value", field.Name, literal.Describe(), literal.Position);
        }

        if (literal.Is("null"))
        {
            throw QueryErrors.Filter(QueryErrors.InvalidLiteral, "filter.null_not_allowed", field.Name, literal.Position);
        }

        throw QueryErrors.Filter(
            QueryErrors.InvalidLiteral,
            "filter.invalid_literal",
            field.Name,
            QueryText.Expected(FieldValueKind.Text),
            literal.Describe(),
            literal.Position);
    }

    private static void CheckOption(FieldReference field, FieldDefinition? definition, string value, FilterToken literal)
    {
        if (definition is null || definition.Options.Count == 0 || definition.Options.Contains(value, StringComparer.Ordinal))
        {
            return;
        }

        var options = string.Join(", ", definition.Options.Take(MaxOptionsInMessage).Select(QueryText.Quote));
        if (definition.Options.Count > MaxOptionsInMessage)
        {
            options += ", …";
        }

        throw QueryErrors.Filter(
            QueryErrors.InvalidLiteral, "filter.not_an_option", QueryText.Quote(value), field.Name, literal.Position, options);
    }

    private static bool IsKeyword(FilterToken token) =>
        token.Is("and") || token.Is("or") || token.Is("not") || token.Is("in") || token.Is("has") ||
        token.Is("true") || token.Is("false") || token.Is("null") || ComparisonOf(token) is not null;

    private static bool IsLiteral(FilterToken token) => token.Kind switch
    {
        FilterTokenKind.String or FilterTokenKind.Number or FilterTokenKind.Date or FilterTokenKind.DateTime or
            FilterTokenKind.Guid => true,
        FilterTokenKind.Identifier => token.Is("true") || token.Is("false") || token.Is("null"),
        _ => false,
    };

    private static Sdk.Errors.CrmException InvalidLiteral(FieldReference field, FilterToken literal) =>
        QueryErrors.Filter(
            QueryErrors.InvalidLiteral,
            "filter.invalid_literal",
            field.Name,
            QueryText.Expected(field.Kind),
            literal.Describe(),
            literal.Position);

    private static Sdk.Errors.CrmException NotApplicable(FilterToken operatorToken, FieldReference field) =>
        QueryErrors.Filter(
            QueryErrors.InvalidFilter,
            "filter.operator_not_applicable",
            QueryText.Quote(operatorToken.Value),
            field.Name,
            operatorToken.Position);
}
