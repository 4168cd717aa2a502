namespace SupervisionCore.Plugins.Yunnan.Features.Learning.GetSession;

public sealed class Request
{
    public Guid Id { get; set; }
}
