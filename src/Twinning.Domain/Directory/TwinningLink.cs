namespace Twinning.Domain.Directory;

/// <summary>A link between two organisations, stored once with the smaller id first.</summary>
public class TwinningLink
{
    protected TwinningLink()
    {
    }

    public TwinningLink(int organisationId, int partnerId, LinkType type, LinkStatus status, LinkSource source, DateTimeOffset now)
    {
        if (organisationId == partnerId)
            throw new ArgumentException("An organisation cannot be its own partner.", nameof(partnerId));
        (OrganisationAId, OrganisationBId) = organisationId < partnerId ? (organisationId, partnerId) : (partnerId, organisationId);
        Type = type;
        Status = status;
        Source = source;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int OrganisationAId { get; private set; }

    public int OrganisationBId { get; private set; }

    public LinkType Type { get; private set; }

    public LinkStatus Status { get; private set; }

    public LinkSource Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>For a pending link: the organisation that recorded it; the other one confirms.</summary>
    public int? ProposedByOrganisationId { get; private set; }

    /// <summary>One side records the link; it stays pending until the other confirms it.</summary>
    public static TwinningLink Propose(int proposerId, int partnerId, LinkType type, DateTimeOffset now) =>
        new(proposerId, partnerId, type, LinkStatus.Pending, LinkSource.Officer, now) { ProposedByOrganisationId = proposerId };

    public bool AwaitsConfirmationBy(int organisationId) =>
        Status == LinkStatus.Pending && ProposedByOrganisationId is { } proposer && proposer != organisationId && PartnerOf(proposer) == organisationId;

    public void Confirm(int organisationId)
    {
        if (!AwaitsConfirmationBy(organisationId))
            throw new InvalidOperationException("Only the partner confirms a pending link.");
        Status = LinkStatus.Active;
    }

    public int PartnerOf(int organisationId) =>
        organisationId == OrganisationAId ? OrganisationBId
        : organisationId == OrganisationBId ? OrganisationAId
        : throw new ArgumentException("The organisation is not part of this link.", nameof(organisationId));
}
