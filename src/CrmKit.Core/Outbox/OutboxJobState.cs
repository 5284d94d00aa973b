namespace CrmKit.Core.Outbox;

/// <summary>Where an outbox job is in its life.</summary>
public enum OutboxJobState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher until its lease expires.</summary>
    Running = 1,

    /// <summary>Completed.</summary>
    Done = 2,

    /// <summary>Failed its last attempt; waits for an admin to requeue it.</summary>
    Dead = 3,
}
