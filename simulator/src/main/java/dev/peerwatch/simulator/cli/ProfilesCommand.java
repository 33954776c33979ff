package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.OrgTraits;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.Provenance;
import dev.peerwatch.config.Trait;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code peerwatch profiles list|show}. */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description =
        "Lists the shipped behaviour profiles, or shows one's every cell with provenance.",
    subcommands = {ProfilesCommand.ListCommand.class, ProfilesCommand.ShowCommand.class})
final class ProfilesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing a subcommand (allowed: list, show)");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "One line per shipped profile.")
  static final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.printf(
          Locale.ROOT,
          "%-18s %-9s %9s %8s  %s%n",
          "profile",
          "family",
          "published",
          "assumed",
          "description");
      for (String name : Profiles.SHIPPED) {
        Profile p = Profiles.load(name);
        long published =
            p.rows().stream()
                .filter(r -> r.cell().provenance().kind() == Provenance.Kind.PUBLISHED)
                .count();
        System.out.printf(
            Locale.ROOT,
            "%-18s %-9s %9d %8d  %s%n",
            p.name(),
            p.family(),
            published,
            p.rows().size() - published,
            p.description());
      }
      System.out.println(
          "(cells: behaviour x subject x condition x channel, plus setting overrides)");
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Every cell of a profile (a shipped name or a file path) with its provenance and, for"
              + " an imputed or derived cell, its interval [low, high].")
  static final class ShowCommand implements Callable<Integer> {
    @Parameters(
        paramLabel = "NAME|PATH",
        description = "A shipped profile's name or a profile file.")
    String name;

    @Override
    public Integer call() {
      Profile p = Profiles.load(name);
      System.out.printf(
          "%s (%s, %s): %s%nsource: %s%n",
          p.name(), p.family(), p.provider(), p.description(), p.source());
      System.out.printf(
          Locale.ROOT,
          "%-24s %-7s %-13s %-10s %-14s %7s %15s  %-9s %s%n",
          "behaviour",
          "subject",
          "condition",
          "channel",
          "setting",
          "p",
          "interval",
          "provenance",
          "source or reason");
      for (Profile.Row r : p.rows()) {
        System.out.printf(
            Locale.ROOT,
            "%-24s %-7s %-13s %-10s %-14s %7.4f %15s  %-9s %s%n",
            r.behaviour().id(),
            r.subject().id(),
            r.condition().id(),
            r.channel().id(),
            r.setting(),
            r.cell().p(),
            r.cell().hasInterval()
                ? String.format(Locale.ROOT, "[%.4f, %.4f]", r.cell().low(), r.cell().high())
                : "-",
            r.cell().provenance().kind().id(),
            r.cell().provenance().text());
      }
      printOrganisation(p.organisation());
      return 0;
    }

    /** The organisation-only traits (the profile's {@code organisation:} block or defaults). */
    private static void printOrganisation(OrgTraits t) {
      System.out.printf(
          Locale.ROOT,
          "%norganisation traits%n%-18s %9s  %-9s %s%n",
          "trait",
          "value",
          "provenance",
          "source or reason");
      for (int i = 0; i < OrgTraits.KEYS.size(); i++) {
        Trait v = t.values().get(i);
        System.out.printf(
            Locale.ROOT,
            "%-18s %9.4f  %-9s %s%n",
            OrgTraits.KEYS.get(i).id(),
            v.value(),
            v.provenance().kind().id(),
            v.provenance().text());
      }
    }
  }
}
