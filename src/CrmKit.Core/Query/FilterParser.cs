using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Query;

/// <summary>
/// Parses the filter language (docs/filter-syntax.md) into a typed <see cref="FilterNode"/> tree checked against an
/// entity's metadata. Grammar, by increasing precedence: <c>or</c>, <c>and</c>, <c>not</c>, then conditions and
/// parentheses. Every failure is a <see cref="Sdk.Errors.CrmException"/> (bad request) pointing at <c>/filter</c>.
/// </summary>
internal sealed partial class FilterParser
{
    /// <summary>The longest filter accepted, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>How deeply parentheses and <c>not</c> may nest.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most conditions (comparisons, lists, functions) one filter may have.</summary>
    public const int MaxTerms = 200;

    /// <summary>The most values an <c>in</c> list may have.</summary>
    public const int MaxListLength = 500;

    private readonly List<FilterToken> _tokens;
    private readonly EntityDefinition _entity;
    private readonly Func<FieldDefinition, FieldValueKind> _kindOf;
    private int _index;
    private int _terms;

    private FilterParser(List<FilterToken> tokens, EntityDefinition entity, Func<FieldDefinition, FieldValueKind> kindOf)
    {
        _tokens = tokens;
        _entity = entity;
        _kindOf = kindOf;
    }

    private FilterToken Current => _tokens[_index];

    private FilterToken Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    /// <summary>Parses a filter.</summary>
    /// <param name="text">
    /// The filter text; callers treat a missing or blank <c>filter</c> parameter as "no filter" and do not call this.
    /// </param>
    /// <param name="entity">The entity whose fields the filter may use.</param>
    /// <param name="kindOf">Gives the value kind of a field's type (the field-type registry).</param>
    /// <returns>The typed filter tree.</returns>
    /// <exception cref="Sdk.Errors.CrmException">The filter is not valid (bad request, pointer <c>/filter</c>).</exception>
    public static FilterNode Parse(string text, EntityDefinition entity, Func<FieldDefinition, FieldValueKind> kindOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(kindOf);
        if (text.Length > MaxLength)
        {
            throw QueryErrors.Filter(QueryErrors.FilterTooComplex, "filter.too_long", MaxLength);
        }

        var parser = new FilterParser(FilterLexer.Tokenize(text), entity, kindOf);
        var node = parser.ParseOr(0);
        if (parser.Current.Kind != FilterTokenKind.End)
        {
            throw QueryErrors.Filter(
                QueryErrors.InvalidFilter, "filter.expected_end", parser.Current.Describe(), parser.Current.Position);
        }

        return node;
    }

    private FilterNode ParseOr(int depth)
    {
        var first = ParseAnd(depth);
        if (!Current.Is("or"))
        {
            return first;
        }

        var operands = new List<FilterNode> { first };
        while (Current.Is("or"))
        {
            Take();
            operands.Add(ParseAnd(depth));
        }

        return new LogicalFilter(LogicalOperator.Or, operands);
    }

    private FilterNode ParseAnd(int depth)
    {
        var first = ParseUnary(depth);
        if (!Current.Is("and"))
        {
            return first;
        }

        var operands = new List<FilterNode> { first };
        while (Current.Is("and"))
        {
            Take();
            operands.Add(ParseUnary(depth));
        }

        return new LogicalFilter(LogicalOperator.And, operands);
    }

    private FilterNode ParseUnary(int depth)
    {
        var token = Current;

        // A field may be called "not": "not eq 'x'" compares it rather than negating.
        if (token.Is("not") && !IsOperator(Next))
        {
            CheckDepth(depth + 1, token);
            Take();
            return new NotFilter(ParseUnary(depth + 1));
        }

        if (token.Kind == FilterTokenKind.OpenParen)
        {
            CheckDepth(depth + 1, token);
            Take();
            var inner = ParseOr(depth + 1);
            Expect(FilterTokenKind.CloseParen, "filter.expected_close_paren");
            return inner;
        }

        if (token.Kind == FilterTokenKind.Identifier && Next.Kind == FilterTokenKind.OpenParen &&
            TextMatchOf(token) is { } match)
        {
            return ParseTextMatch(match);
        }

        return ParsePredicate();
    }

    private static void CheckDepth(int depth, FilterToken token)
    {
        if (depth > MaxDepth)
        {
            throw QueryErrors.Filter(QueryErrors.FilterTooComplex, "filter.too_deep", MaxDepth, token.Position);
        }
    }

    private void CountTerm()
    {
        if (++_terms > MaxTerms)
        {
            throw QueryErrors.Filter(QueryErrors.FilterTooComplex, "filter.too_many_terms", MaxTerms);
        }
    }

    private FilterToken Take()
    {
        var token = Current;
        if (token.Kind != FilterTokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private FilterToken Expect(FilterTokenKind kind, string messageKey)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw QueryErrors.Filter(QueryErrors.InvalidFilter, messageKey, token.Describe(), token.Position);
        }

        return Take();
    }

    private static bool IsOperator(FilterToken token) => token.Kind == FilterTokenKind.Identifier &&
        (ComparisonOf(token) is not null || token.Is("in") || token.Is("has"));

    private static ComparisonOperator? ComparisonOf(FilterToken token) =>
        token.Is("eq") ? ComparisonOperator.Eq :
        token.Is("ne") ? ComparisonOperator.Ne :
        token.Is("gt") ? ComparisonOperator.Gt :
        token.Is("ge") ? ComparisonOperator.Ge :
        token.Is("lt") ? ComparisonOperator.Lt :
        token.Is("le") ? ComparisonOperator.Le :
        null;

    private static TextMatchKind? TextMatchOf(FilterToken token) =>
        token.Is("contains") ? TextMatchKind.Contains :
        token.Is("startswith") ? TextMatchKind.StartsWith :
        token.Is("endswith") ? TextMatchKind.EndsWith :
        null;
}
