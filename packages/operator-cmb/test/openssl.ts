import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The OpenSSL command line as an independent SM2 implementation, in a temp directory of its own. */
export function openssl() {
  const dir = mkdtempSync(join(tmpdir(), 'ecny-sm2-'))
  const path = (name: string) => join(dir, name)
  const run = (...args: string[]) => execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: 'pipe' })
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(path(name), data)
    return path(name)
  }
  return {
    path,
    write,
    read: (name: string) => new Uint8Array(readFileSync(path(name))),
    /** A fresh SM2 key pair: the private PKCS#8 PEM and the public SPKI PEM. */
    generateSm2Key(name = 'key') {
      run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', path(`${name}.pem`))
      run('pkey', '-in', path(`${name}.pem`), '-pubout', '-out', path(`${name}.pub.pem`))
      return {
        privatePem: readFileSync(path(`${name}.pem`), 'utf8'),
        publicPem: readFileSync(path(`${name}.pub.pem`), 'utf8'),
      }
    },
    generateP256Key() {
      run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path('p256.pem'))
      run('pkey', '-in', path('p256.pem'), '-pubout', '-out', path('p256.pub.pem'))
      return {
        privatePem: readFileSync(path('p256.pem'), 'utf8'),
        publicPem: readFileSync(path('p256.pub.pem'), 'utf8'),
      }
    },
    /** SM3withSM2 over `message` with the given distinguishing ID; returns the DER signature. */
    sign(privatePem: string, message: string | Uint8Array, userId = '1234567812345678') {
      write('sign.key.pem', privatePem)
      write('sign.msg', message)
      run(
        'dgst',
        '-sm3',
        '-sign',
        path('sign.key.pem'),
        '-sigopt',
        `distid:${userId}`,
        '-out',
        path('sig.der'),
        path('sign.msg'),
      )
      return new Uint8Array(readFileSync(path('sig.der')))
    },
    /** true when `openssl dgst -verify` accepts the DER signature. */
    verify(
      publicPem: string,
      message: string | Uint8Array,
      signatureDer: Uint8Array,
      userId = '1234567812345678',
    ) {
      write('verify.pub.pem', publicPem)
      write('verify.msg', message)
      write('verify.sig', signatureDer)
      try {
        run(
          'dgst',
          '-sm3',
          '-verify',
          path('verify.pub.pem'),
          '-sigopt',
          `distid:${userId}`,
          '-signature',
          path('verify.sig'),
          path('verify.msg'),
        )
        return true
      } catch {
        return false
      }
    },
    encrypt(publicPem: string, plaintext: Uint8Array) {
      write('enc.pub.pem', publicPem)
      write('enc.in', plaintext)
      run(
        'pkeyutl',
        '-encrypt',
        '-pubin',
        '-inkey',
        path('enc.pub.pem'),
        '-in',
        path('enc.in'),
        '-out',
        path('enc.out'),
      )
      return new Uint8Array(readFileSync(path('enc.out')))
    },
    decrypt(privatePem: string, ciphertextDer: Uint8Array) {
      write('dec.key.pem', privatePem)
      write('dec.in', ciphertextDer)
      run(
        'pkeyutl',
        '-decrypt',
        '-inkey',
        path('dec.key.pem'),
        '-in',
        path('dec.in'),
        '-out',
        path('dec.out'),
      )
      return new Uint8Array(readFileSync(path('dec.out')))
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
