using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.AspNetCore.Problems;

/// <summary>
/// A failure of the HTTP layer itself whose status has no <see cref="CrmErrorKind"/> (413, 415, 404 route, 405, 500).
/// </summary>
internal sealed class ApiProblemException : CrmException
{
    public ApiProblemException(
        int status, string code, LocalizedText title, IReadOnlyList<CrmError>? errors = null, Exception? inner = null)
        : base(KindOf(status), code, title, errors, inner)
    {
        Status = status;
    }

    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; }

    private static CrmErrorKind KindOf(int status) => status switch
    {
        404 => CrmErrorKind.NotFound,
        409 => CrmErrorKind.Conflict,
        422 => CrmErrorKind.Validation,
        403 => CrmErrorKind.Forbidden,
        503 => CrmErrorKind.Unavailable,
        _ => CrmErrorKind.BadRequest,
    };
}
