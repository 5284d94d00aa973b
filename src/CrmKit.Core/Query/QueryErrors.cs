using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Query;

/// <summary>The stable codes, pointers and exception factories of the query language.</summary>
internal static class QueryErrors
{
    /// <summary>The filter text is not well formed, or an operator does not apply to a field.</summary>
    public const string InvalidFilter = "query.invalid_filter";

    /// <summary>A filter, sort or select names a field the entity does not have.</summary>
    public const string UnknownField = "query.unknown_field";

    /// <summary>A literal does not fit the field's type (or is not one of an enum's options).</summary>
    public const string InvalidLiteral = "query.invalid_literal";

    /// <summary>The field's type cannot be filtered (json).</summary>
    public const string FieldNotFilterable = "query.field_not_filterable";

    /// <summary>The filter is too long, too deep, has too many conditions or too long a list.</summary>
    public const string FilterTooComplex = "query.filter_too_complex";

    /// <summary>The sort text is not well formed, has too many keys or repeats a field.</summary>
    public const string InvalidSort = "query.invalid_sort";

    /// <summary>The field's type cannot be sorted (json, multi-enum).</summary>
    public const string FieldNotSortable = "query.field_not_sortable";

    /// <summary>The paging cursor is damaged, forged or belongs to another sort.</summary>
    public const string InvalidCursor = "query.invalid_cursor";

    /// <summary>A sort value of a record is too long to fit in a paging cursor.</summary>
    public const string SortValueTooLong = "query.sort_value_too_long";

    /// <summary>The pointer of filter errors.</summary>
    public const string FilterPointer = "/filter";

    /// <summary>The pointer of sort errors.</summary>
    public const string SortPointer = "/sort";

    /// <summary>The pointer of select errors.</summary>
    public const string SelectPointer = "/select";

    /// <summary>The pointer of cursor errors (the <c>after</c> parameter).</summary>
    public const string CursorPointer = "/after";

    /// <summary>A filter error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="messageKey">The message's resource name.</param>
    /// <param name="args">The message's arguments.</param>
    /// <returns>The exception to throw.</returns>
    public static CrmException Filter(string code, string messageKey, params object?[] args) =>
        Create(code, "title.filter", FilterPointer, messageKey, args);

    /// <summary>A sort error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="messageKey">The message's resource name.</param>
    /// <param name="args">The message's arguments.</param>
    /// <returns>The exception to throw.</returns>
    public static CrmException Sort(string code, string messageKey, params object?[] args) =>
        Create(code, "title.sort", SortPointer, messageKey, args);

    /// <summary>A select error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="messageKey">The message's resource name.</param>
    /// <param name="args">The message's arguments.</param>
    /// <returns>The exception to throw.</returns>
    public static CrmException Select(string code, string messageKey, params object?[] args) =>
        Create(code, "title.select", SelectPointer, messageKey, args);

    /// <summary>A cursor error (always <see cref="InvalidCursor"/>).</summary>
    /// <param name="messageKey">The message's resource name.</param>
    /// <param name="inner">The cause, kept for logs; never shown to clients.</param>
    /// <returns>The exception to throw.</returns>
    public static CrmException Cursor(string messageKey, Exception? inner = null)
    {
        var message = QueryText.Get(messageKey);
        return new CrmException(
            CrmErrorKind.BadRequest,
            InvalidCursor,
            QueryText.Get("title.cursor"),
            [new CrmError(InvalidCursor, CursorPointer, message)],
            inner);
    }

    private static CrmException Create(string code, string titleKey, string pointer, string messageKey, object?[] args) =>
        new(
            CrmErrorKind.BadRequest,
            code,
            QueryText.Get(titleKey),
            [new CrmError(code, pointer, QueryText.Get(messageKey, args))]);
}
