/**
 * The lints' view of one document version: the document model (src/recognize) with its resolved sites,
 * plus the def-use layer built on it (src/recognize/dataflow.ts).
 */
import type { Framework, FrameworkName } from '../core/functionTypes';
import { Flow, type Expr } from '../recognize/dataflow';
import type { DocumentModel } from '../recognize/model';
import type { Site } from '../recognize/site';

/** A catalogue function named in the code, resolved by the model through the framework table. */
export interface CatalogueName {
  readonly id: string;
  readonly framework: Framework;
  /** How the table spells it: a function, a class (a module / layer object) or a string name. */
  readonly kind: FrameworkName['form'];
  readonly canonical: string;
  readonly site: Site;
}

export class Resolver {
  readonly flow: Flow;
  private readonly sites = new Map<number, Site | undefined>();

  constructor(readonly model: DocumentModel) {
    this.flow = new Flow(model);
  }

  /** The catalogue function a call's callee names directly (`torch.sigmoid(x)`, `nn.BCELoss()`, `x.softmax(-1)`). */
  /** The model's site for a call, asked once per call. */
  private siteOf(call: number): Site | undefined {
    if (this.sites.has(call)) return this.sites.get(call);
    const site = this.model.siteOfCall(call);
    this.sites.set(call, site);
    return site;
  }

  callee(call: number): CatalogueName | undefined {
    const site = this.siteOf(call);
    if (!site || !site.framework || !site.frameworkName) return undefined;
    if (site.form !== 'call' && site.form !== 'method') return undefined;
    return { id: site.id, framework: site.framework, kind: site.frameworkName.form, canonical: site.canonical ?? site.frameworkName.name, site };
  }

  /** The construction a call's callee holds (`act(x)` with `act = nn.Sigmoid()`, `self.criterion(p, y)`): the target's name and call. */
  held(call: number): (CatalogueName & { readonly madeBy: number }) | undefined {
    const site = this.siteOf(call);
    const target = site?.target;
    if (!site || (site.form !== 'alias' && site.form !== 'attribute') || !target || !target.framework || !target.frameworkName || target.call < 0) return undefined;
    return { id: target.id, framework: target.framework, kind: target.frameworkName.form, canonical: target.canonical ?? target.frameworkName.name, site: target, madeBy: target.call };
  }

  /** The catalogue string an expression is (`"sigmoid"`, `'binary_crossentropy'`). */
  string(expr: Expr): CatalogueName | undefined {
    if (expr.value.kind !== 'string') return undefined;
    const site = this.model.siteAt(expr.start + 1);
    if (!site || site.form !== 'string' || site.range.start !== expr.start || !site.framework || !site.frameworkName) return undefined;
    return { id: site.id, framework: site.framework, kind: 'string', canonical: site.canonical ?? site.frameworkName.name, site };
  }
}
