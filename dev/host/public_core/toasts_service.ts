/**
 * core.notifications.toasts: OSD's ToastsApi colours and icons, kept in a small store the chrome renders
 * with OUI's EuiGlobalToastList.
 */
import type { ToastsApi } from '../../../public/osd_port';

export interface Toast {
  id: string;
  title: string;
  text?: string;
  color: 'success' | 'warning' | 'danger' | 'primary';
  iconType: string;
}

type ToastInput = string | { title: string; text?: string };

export class ToastsService implements ToastsApi {
  private toasts: Toast[] = [];
  private counter = 0;
  private readonly listeners = new Set<(toasts: Toast[]) => void>();

  subscribe(listener: (toasts: Toast[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.toasts);
    return () => this.listeners.delete(listener);
  }

  get(): Toast[] {
    return this.toasts;
  }

  private add(input: ToastInput, color: Toast['color'], iconType: string): Toast {
    const fields = typeof input === 'string' ? { title: input } : input;
    const toast: Toast = { id: String(this.counter++), color, iconType, ...fields };
    this.toasts = [...this.toasts, toast];
    this.listeners.forEach((l) => l(this.toasts));
    return toast;
  }

  remove(toastOrId: Toast | string): void {
    const id = typeof toastOrId === 'string' ? toastOrId : toastOrId.id;
    this.toasts = this.toasts.filter((t) => t.id !== id);
    this.listeners.forEach((l) => l(this.toasts));
  }

  addSuccess(toast: ToastInput): Toast {
    return this.add(toast, 'success', 'check');
  }

  addWarning(toast: ToastInput): Toast {
    return this.add(toast, 'warning', 'help');
  }

  addDanger(toast: ToastInput): Toast {
    return this.add(toast, 'danger', 'alert');
  }

  addError(error: Error, options: { title: string; toastMessage?: string }): Toast {
    return this.add(
      { title: options.title, text: options.toastMessage ?? error.message },
      'danger',
      'alert'
    );
  }
}
