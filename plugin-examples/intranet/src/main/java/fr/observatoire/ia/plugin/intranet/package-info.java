/**
 * The intranet plugin: what a Jakarta EE 10 web application adds to declare its AI usage to the observatory.
 *
 * <ul>
 *   <li>{@link fr.observatoire.ia.plugin.intranet.ObservatoireFilter}, a servlet filter counting the requests of the
 *       application's AI features, described by {@link fr.observatoire.ia.plugin.intranet.UsageMappings};</li>
 *   <li>{@link fr.observatoire.ia.plugin.intranet.ObservedAiUsage}, a CDI interceptor binding counting the successful
 *       invocations of bean methods, and {@link fr.observatoire.ia.plugin.intranet.ObservatoryProducer}, which lets
 *       beans {@code @Inject Observatory};</li>
 *   <li>{@link fr.observatoire.ia.plugin.intranet.SelfDeclarationServlet}, the anonymous form where agents declare the
 *       AI tools they use, summed up by {@link fr.observatoire.ia.plugin.intranet.SelfDeclarationSummary};</li>
 *   <li>{@link fr.observatoire.ia.plugin.intranet.IntranetPlugin}, the SDK's push plugin that hands them its
 *       observatory.</li>
 * </ul>
 *
 * <p>None of the classes carries {@code @WebFilter} or {@code @WebServlet}: adding the jar to {@code WEB-INF/lib}
 * changes nothing until the application declares what it wants.
 */
package fr.observatoire.ia.plugin.intranet;
