namespace CrmKit.Core.Storage;

/// <summary>Thrown by a store when a write would give two live records the same value of a unique field.</summary>
public sealed class UniqueConstraintException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="field">The unique field.</param>
    /// <param name="innerException">The provider's error.</param>
    public UniqueConstraintException(string entity, string field, Exception? innerException = null)
        : base($"A live '{entity}' record already has this '{field}' value.", innerException)
    {
        Entity = entity;
        Field = field;
    }

    /// <summary>The entity.</summary>
    public string Entity { get; }

    /// <summary>The unique field.</summary>
    public string Field { get; }
}
