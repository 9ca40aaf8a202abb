namespace Twinning.Domain.Directory;

public enum LinkType
{
    Twinning = 0,
    Friendship = 1,
    Cooperation = 2,
}

public enum LinkStatus
{
    Active = 0,
    Dormant = 1,
    Ended = 2,

    /// <summary>Recorded by one side (a request marked as matched), waiting for the other to confirm.</summary>
    Pending = 3,
}

/// <summary>Where the platform learned of a link.</summary>
public enum LinkSource
{
    /// <summary>The shipped register of known links (Wikipedia via Hekman/twincities).</summary>
    KnownLinks = 0,

    /// <summary>Recorded by an officer of one of the two organisations.</summary>
    Officer = 1,
}
