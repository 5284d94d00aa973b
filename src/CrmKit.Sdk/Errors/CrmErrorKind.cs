namespace CrmKit.Sdk.Errors;

/// <summary>The class of a <see cref="CrmException"/>; the REST layer maps each to an HTTP status.</summary>
public enum CrmErrorKind
{
    /// <summary>The request is malformed or refers to something that does not fit (400).</summary>
    BadRequest = 0,

    /// <summary>The data failed validation (422).</summary>
    Validation = 1,

    /// <summary>The entity, field or record does not exist (404).</summary>
    NotFound = 2,

    /// <summary>The operation conflicts with the current state: stale version, unique value, reference (409).</summary>
    Conflict = 3,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden = 4,

    /// <summary>A dependency (store, remote service) is unavailable (503).</summary>
    Unavailable = 5,
}
